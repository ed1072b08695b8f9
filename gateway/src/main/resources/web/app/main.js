// The console's entry: the shell, then every page (each registers itself with the router).
import './lib/components.js';
import './pages/projects-dashboard.js';
import './pages/projects-list.js';
import './shell.js';
