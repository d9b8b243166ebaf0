// The one module of undici a worker needs, typed by undici's own declarations (see
// upstream-balancer.ts for why it is imported alone).
declare module 'undici/lib/dispatcher/pool.js' {
  import { Pool } from 'undici';
  export default Pool;
}
