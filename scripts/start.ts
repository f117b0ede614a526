import { readServerConfig } from '../server/src/config.js';
import { demoLoginText, startServer } from '../server/src/start.js';

// Until the desktop client lands, `npm start` runs the server on SQLite with the demo organisation.
const config = readServerConfig(['--seed', 'demo', ...process.argv.slice(2)], process.env);
const running = await startServer(config, { quiet: true });
console.log(demoLoginText());
console.log(`listening on ${running.url}`);
process.once('SIGINT', () => void running.stop().then(() => process.exit(0)));
process.once('SIGTERM', () => void running.stop().then(() => process.exit(0)));
