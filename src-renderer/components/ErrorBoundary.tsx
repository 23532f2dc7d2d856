// A page that throws while rendering (a failed database read, say) would otherwise take the whole
// window blank with it: React unmounts the tree. This shows what failed, keeps the menu around it,
// and lets the user try again; nothing stored is touched.
import { Button, Result, Space, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import i18next from 'i18next';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('page failed', error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Result
        status="error"
        title={i18next.t('app.crashed')}
        subTitle={i18next.t('app.crashedHint')}
        extra={
          <Space orientation="vertical" align="center">
            <Typography.Text code data-testid="page-error">{`${error.name}: ${error.message}`}</Typography.Text>
            <Space>
              <Button type="primary" onClick={() => this.setState({ error: null })}>{i18next.t('app.retry')}</Button>
              <Button onClick={() => window.location.reload()}>{i18next.t('app.reload')}</Button>
            </Space>
          </Space>
        }
      />
    );
  }
}
