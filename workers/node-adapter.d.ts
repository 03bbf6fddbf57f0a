// Comlink ships the Node adapter's types beside node-adapter.mjs as node-adapter.d.ts.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
