// antd's whole stylesheet (build/antdStyles.mts): imported by the shell, whose chunk then waits for it, and
// fetched by the entry once the first screen is shown, for the pages outside the shell.
import 'virtual:antd-all.css';
