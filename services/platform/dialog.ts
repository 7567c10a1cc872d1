/** The platform's confirm dialog. Resolves true when the user confirms; false on cancel or when it cannot show. */
export function confirm(options: {
  title: string;
  content: string;
  confirmButtonText?: string;
  cancelButtonText?: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    my.confirm({
      title: options.title,
      content: options.content,
      confirmButtonText: options.confirmButtonText ?? '确定',
      cancelButtonText: options.cancelButtonText ?? '取消',
      success: (result) => resolve(result.confirm),
      fail: () => resolve(false),
    });
  });
}

/** The platform's text prompt. Resolves the text entered, or null on cancel or when it cannot show. */
export function prompt(options: { title: string; message?: string; placeholder?: string }): Promise<string | null> {
  return new Promise((resolve) => {
    my.prompt({
      title: options.title,
      message: options.message,
      placeholder: options.placeholder,
      okButtonText: '确定',
      cancelButtonText: '取消',
      success: (result) => resolve(result.ok ? result.inputValue : null),
      fail: () => resolve(null),
    });
  });
}
