// Stands in for @types/node under tsconfig.worker.json (its typeRoots): @libsql/core's
// `/// <reference types="node" />` would otherwise bring process, Buffer and node:* into Worker code.
