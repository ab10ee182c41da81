declare module 'connect-sqlite3' {
  import type session from 'express-session';
  interface SQLiteStoreOptions {
    db?: string;
    dir?: string;
    table?: string;
    concurrentDb?: string | boolean;
  }
  function connectSqlite3(s: typeof session): new (options?: SQLiteStoreOptions) => session.Store;
  export = connectSqlite3;
}
