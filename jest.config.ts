import { getJestProjectsAsync } from '@nx/jest';

// One jest run over every project (what `npm test` uses). testTimeout is a global option in multi-project mode
// (projects' own values apply only when a project runs alone), so it is set here for the slowest integration tests.
export default async () => ({ projects: await getJestProjectsAsync(), testTimeout: 60_000 });
