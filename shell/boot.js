// shell/boot.js — the page's small glue: tells the Emscripten runtime where its files are, asks for the first data
// while the wasm downloads, and reports load failures in words. Everything else the page does is C++ (wasm/platform/ holds the JS bridges).
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
  // The first data, asked for while the wasm downloads (issue 14.12): the sites' positions and the first page of
  // sites, both at once (the main thread is busy compiling the wasm and drawing the first frame until well after the
  // positions arrive, so a page asked for in answer to them came 400 ms late). The app's first GETs of these URLs
  // (app/sites/sites.cpp: kPageSize) take these answers (wasm/platform/browser.cpp, gy_js_fetch) instead of asking
  // again. At national scale (more than ClusterMap::kClusterAbove sites) the app lists the nearest instead and the
  // page, some 20 KB, goes unused.
  const ask = (url) => fetch(url, { headers: { Accept: 'application/json' } })
    .then((r) => r.text().then((t) => [r.status, t, r.headers.get('X-Gongyou-Offline') ? 1 : 0]))
    .catch(() => [0, '', 1]);
  window.gyEarlyAnswers = new Map(['/api/v1/sites/positions', '/api/v1/sites?limit=500'].map((url) => [url, ask(url)]));
  // The offline shell (shell/sw.js): the page opens without the network and shows the last sites.
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', () => navigator.serviceWorker.register('/sw.js').catch(() => {}));
  }
})();
