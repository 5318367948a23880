/** Where 上传总部 lives: the badge opens it without importing the page (and the page list) itself. */
export const uploadPagePath = '/system/upload';
