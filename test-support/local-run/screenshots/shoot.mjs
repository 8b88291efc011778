// Opens the key pages of the running product (./mvnw -Plocal) in headless Chromium, at a desktop and a phone
// width, signs in as the demo student on the way, and saves a screenshot of each. It fails when a page answers
// with an error, shows a stack trace, or overflows the phone's width sideways.
//   AUTH_URL (default http://127.0.0.1:9000), CHROMIUM (default /usr/bin/chromium), OUT (default ./out)
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';

const auth = process.env.AUTH_URL ?? 'http://127.0.0.1:9000';
const out = process.env.OUT ?? new URL('./out/', import.meta.url).pathname;
const screens = {desktop: {width: 1280, height: 800}, phone: {width: 390, height: 844}};
const problems = [];
mkdirSync(out, {recursive: true});

const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
    for (const [screen, viewport] of Object.entries(screens)) {
        for (const language of ['zh-CN', 'en']) {
            const context = await browser.newContext({viewport, locale: language});
            const page = await context.newPage();
            const look = async (name, path) => {
                const response = path ? await page.goto(auth + path) : null;
                if (response && response.status() >= 400) {
                    problems.push(`${name}: HTTP ${response.status()}`);
                }
                const text = await page.locator('body').innerText();
                if (/Exception|Whitelabel|at org\./.test(text)) {
                    problems.push(`${name}: shows an error trace`);
                }
                const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
                if (overflow > 1) {
                    problems.push(`${name} (${screen}): ${overflow}px wider than the screen`);
                }
                const file = `${out}/${screen}-${language}-${name}.png`;
                await page.screenshot({path: file, fullPage: true});
                console.log(file);
            };
            await look('home', '/');
            await look('register', '/register');
            await page.fill('#email', 'someone@gmail.com');
            await page.fill('#username', 'bad name');
            await page.fill('#password', '123');
            await page.click('#register-form button[type=submit]');
            await look('register-errors');
            await look('forgot', '/password/forgot');
            await look('login', '/login');
            await page.fill('#username', 'student@mail.ustc.edu.cn');
            await page.fill('#password', process.env.DEMO_PASSWORD ?? 'icourse-demo');
            await page.click('form[action="/login"] button[type=submit]');
            await page.waitForURL('**/account**');
            await look('account');
            await look('consent', '/oauth2/authorize?response_type=code&client_id=demo-site'
                + '&scope=openid%20profile%20email%20school&state=screenshot'
                + '&redirect_uri=' + encodeURIComponent('http://127.0.0.1:8090/callback'));
            await context.close();
        }
    }
} finally {
    await browser.close();
}
if (problems.length) {
    console.error('Problems:\n' + problems.join('\n'));
    process.exit(1);
}
console.log('All pages looked fine.');
