// Opens the key pages of the running product (./mvnw -Plocal) in headless Chromium, at a desktop and a phone
// width, signs in as the demo student (and, for the review app's admin pages, the demo admin) on the way, and saves a
// screenshot of each. It fails when a page answers with an error, shows a stack trace, or overflows the phone's width
// sideways.
//   AUTH_URL (default http://127.0.0.1:9000), REVIEW_URL (default http://127.0.0.1:8080),
//   CHROMIUM (default /usr/bin/chromium), OUT (default ./out)
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';

const auth = process.env.AUTH_URL ?? 'http://127.0.0.1:9000';
const review = process.env.REVIEW_URL ?? 'http://127.0.0.1:8080';
const password = process.env.DEMO_PASSWORD ?? 'icourse-demo';
const out = process.env.OUT ?? new URL('./out/', import.meta.url).pathname;
const screens = {desktop: {width: 1280, height: 800}, phone: {width: 390, height: 844}};
const problems = [];
mkdirSync(out, {recursive: true});

/** Opens the path (or stays, without one), checks the page and saves its screenshot as <file>.png. */
async function lookAt(page, file, path, site) {
    const response = path ? await page.goto(site + path) : null;
    if (response && response.status() >= 400) {
        problems.push(`${file}: HTTP ${response.status()}`);
    }
    const text = await page.locator('body').innerText();
    if (/Exception|Whitelabel|at org\./.test(text)) {
        problems.push(`${file}: shows an error trace`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) {
        problems.push(`${file}: ${overflow}px wider than the screen`);
    }
    await page.screenshot({path: `${out}/${file}.png`, fullPage: true});
    console.log(`${out}/${file}.png`);
}

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
            const look = (name, path, site = auth) => lookAt(page, `${screen}-${language}-${name}`, path, site);
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
            await page.fill('#password', password);
            await page.click('form[action="/login"] button[type=submit]');
            await page.waitForURL('**/account**');
            await look('account');
            await look('consent', '/oauth2/authorize?response_type=code&client_id=demo-site'
                + '&scope=openid%20profile%20email%20school&state=screenshot'
                + '&redirect_uri=' + encodeURIComponent('http://127.0.0.1:8090/callback'));

            // The review app, signed in through iCourse ID with the session the student already has there.
            await look('review-home', '/', review);
            await page.goto(review + '/oauth2/authorization/icourse');
            await page.waitForURL(review + '/**');
            await look('review-home-signed-in', '/', review);
            await look('courses', '/courses', review);
            const course = await page.locator('main a[href^="/courses/"]').first().getAttribute('href');
            await look('course', course, review);
            const teacher = await page.locator('main a[href^="/teachers/"]').first().getAttribute('href');
            await look('review-form', course + '/review', review);
            await look('teacher', teacher, review);
            await look('search', '/search?q=' + encodeURIComponent('数分'), review);
            await look('stats', '/stats', review);
            await look('notifications', '/notifications', review);
            await look('following', '/following', review);
            await look('settings', '/settings', review);
            await look('profile', '/people/demo-student', review);
            await context.close();

            const adminContext = await browser.newContext({viewport, locale: language});
            const adminPage = await adminContext.newPage();
            await adminPage.goto(auth + '/login');
            await adminPage.fill('#username', 'admin@ustc.edu.cn');
            await adminPage.fill('#password', password);
            await adminPage.click('form[action="/login"] button[type=submit]');
            await adminPage.waitForURL('**/account**');
            await adminPage.goto(review + '/oauth2/authorization/icourse');
            await adminPage.waitForURL(review + '/**');
            const lookAsAdmin = (name, path) => lookAt(adminPage, `${screen}-${language}-${name}`, path, review);
            await lookAsAdmin('admin-reports', '/admin/reports');
            await lookAsAdmin('admin-log', '/admin/moderation-log');
            await lookAsAdmin('admin-announcements', '/admin/announcements');
            await lookAsAdmin('admin-activity', '/admin/activity');
            await lookAsAdmin('admin-catalogue', '/admin/catalogue');
            await lookAsAdmin('admin-course-info', course + '/edit');
            await adminContext.close();
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
