// Opens a gallery (report.html) in Debian's headless chromium through playwright-core and prints,
// as one JSON object on stdout, what a person would see: pictures decoded, videos' metadata, the
// counts per state, failure messages, what a click on a state's button leaves visible, and every
// request the page made. GalleryBrowserIT asserts on it.
//
// usage: node gallery-check.js <playwright-core dir> <file:// URL of report.html> [screenshot.png]
'use strict';

const [playwrightDir, url, screenshot] = process.argv.slice(2);
const { chromium } = require(playwrightDir);

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = [];
    const consoleErrors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });

    // lazy pictures load when they come near the viewport, as they would for a person scrolling
    for (const image of await page.locator('img').all()) {
      await image.scrollIntoViewIfNeeded();
      await image.evaluate((img) => (img.complete ? null : new Promise((done) => {
        img.addEventListener('load', done, { once: true });
        img.addEventListener('error', done, { once: true });
      })));
    }
    await page.waitForFunction(
      () => [...document.querySelectorAll('video')].every((v) => v.readyState >= 1 || v.error),
      null, { timeout: 20000 }).catch(() => {});

    const result = await page.evaluate(() => ({
      images: [...document.querySelectorAll('img')].map((img) => ({
        src: img.getAttribute('src'), card: img.closest('article').id, naturalWidth: img.naturalWidth,
      })),
      videos: [...document.querySelectorAll('video')].map((video) => ({
        src: video.getAttribute('src'), card: video.closest('article').id, readyState: video.readyState,
        duration: video.duration, error: video.error ? video.error.code : null,
      })),
      counts: Object.fromEntries([...document.querySelectorAll('nav.filter button')].map(
        (b) => [b.getAttribute('data-state'), Number(b.querySelector('b').textContent)])),
      header: document.querySelector('header p').textContent,
      cards: [...document.querySelectorAll('main article')].map((a) => ({
        id: a.id.replace(/^asset-/, ''), state: a.getAttribute('data-state'),
        message: (a.querySelector('.message') || {}).innerText || null,
        note: (a.querySelector('.note') || {}).innerText || null,
        messageVisible: !!a.querySelector('.message') && a.querySelector('.message').offsetHeight > 0,
        details: Object.fromEntries([...a.querySelectorAll('dt')].map(
          (dt) => [dt.textContent, dt.nextElementSibling.textContent])),
        candidates: [...a.querySelectorAll('.candidates li')].map((li) => ({
          number: Number(li.getAttribute('data-candidate')), picked: li.classList.contains('picked'),
          naturalWidth: li.querySelector('img') ? li.querySelector('img').naturalWidth : 0,
          visible: li.offsetHeight > 0,
        })),
      })),
    }));

    if (screenshot) {
      // 1200 x 640 keeps the README's PNG under 300 KB
      await page.setViewportSize({ width: 1200, height: 640 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshot, fullPage: false });
    }

    // a real click on each state's button, then what is left visible
    result.filters = {};
    for (const state of Object.keys(result.counts)) {
      await page.locator(`nav.filter button[data-state="${state}"]`).click();
      result.filters[state] = await page.evaluate(() => [...document.querySelectorAll('main article')]
        .filter((a) => a.offsetParent !== null).map((a) => a.id.replace(/^asset-/, '')));
    }
    result.requests = requests;
    result.consoleErrors = consoleErrors;
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
