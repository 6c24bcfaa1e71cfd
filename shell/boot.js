// shell/boot.js — the page's small glue: tells the Emscripten runtime where its files are and
// reports load failures in words. Everything else the page does is C++ (wasm/platform/ holds the JS bridges).
'use strict';
(function () {
  const canvas = document.getElementById('gy-canvas');
  const fail = (message) => {
    const box = document.getElementById('gy-loading');
    if (box) { box.querySelector('p').textContent = message; box.classList.add('gy-failed'); }
  };
  if (typeof WebAssembly !== 'object' || !window.WebGL2RenderingContext) {
    fail('您的浏览器不支持 WebAssembly 或 WebGL2，请使用新版浏览器打开。');
    return;
  }
  window.Module = {
    canvas: canvas,
    locateFile: (path) => (path.endsWith('.wasm') ? canvas.dataset.wasm : path),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: () => fail('工友遇到错误，请刷新页面重试。'),
  };
  // The offline shell (shell/sw.js): the page opens without the network and shows the last sites.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => navigator.serviceWorker.register('/sw.js').catch(() => {}));
  }
})();
