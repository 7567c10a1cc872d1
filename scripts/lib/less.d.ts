// less ships no typings; only render() is used (scripts/lib/antd-demos.ts).
declare module 'less' {
  const less: {
    render(source: string, options: { filename?: string; javascriptEnabled?: boolean }): Promise<{ css: string }>;
  };
  export default less;
}
