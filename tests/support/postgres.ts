// The pg suite needs TEST_DATABASE_URL: a PostgreSQL role that may create databases.
export default function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("npm run test:pg needs TEST_DATABASE_URL=postgresql://user:password@host:5432/postgres (a role that may CREATE DATABASE).");
  }
}
