// Before `npm test`: where no Chromium or Chrome is found and this is Debian or Ubuntu as root,
// install Debian's chromium (never a downloaded browser build). Anywhere else, carry on:
// the browser tests then skip with one line saying why (or fail under CI=true).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findBrowser } from '../test/browser/findBrowser';

const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const debianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
const root = process.getuid?.() === 0;

if (!findBrowser().ok && !process.env.CHROME_PATH && debianLike && root && existsSync('/usr/bin/apt-get')) {
  console.log("Installing Debian's chromium for the browser tests…");
  try {
    execSync('apt-get update -qq && env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    console.log('Could not install chromium: the browser tests will be skipped (or fail under CI=true).');
  }
}
