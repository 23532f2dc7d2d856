// Vite's `?raw` imports: the file's text, bundled into out/main/cli.js so migrations need no files at run time.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
