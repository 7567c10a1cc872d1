/** Whether a confirm dialog is showing: a double tap must not stack a second one on it. */
let confirming = false;

/**
 * The platform's confirm dialog. Resolves true when the user confirms; false on cancel, when it cannot show,
 * or when another confirm is already showing (the second tap of a double tap).
 */
export function confirm(options: {
  title: string;
  content: string;
  confirmButtonText?: string;
  cancelButtonText?: string;
}): Promise<boolean> {
  if (confirming) return Promise.resolve(false);
  confirming = true;
  return new Promise<boolean>((resolve) => {
    const answer = (confirmed: boolean) => {
      confirming = false;
      resolve(confirmed);
    };
    my.confirm({
      title: options.title,
      content: options.content,
      confirmButtonText: options.confirmButtonText ?? '确定',
      cancelButtonText: options.cancelButtonText ?? '取消',
      success: (result) => answer(result.confirm),
      fail: () => answer(false),
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
