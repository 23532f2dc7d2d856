import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <h1>电费检查通</h1>
    </ConfigProvider>
  );
}
