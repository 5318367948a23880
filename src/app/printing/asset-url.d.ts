// Vite gives a file's URL in the build for `…?url` imports (the PDF.js worker, a file of the app's own).
declare module '*?url' {
  const url: string;
  export default url;
}
