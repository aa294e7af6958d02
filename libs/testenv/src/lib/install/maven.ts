import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { StepError } from '../errors';
import { run } from '../exec';
import { cacheDirs, toolsDir } from '../paths';
import { VERSIONS } from '../versions';
import { fillCacheEntry, isComplete } from './cache-entry';

function checkCommand(step: string, command: string, args: string[], hint: string): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    throw new StepError(step, `\`${command}\` not found or not working (${hint})`);
  }
}

/** Resolves the Kafka broker jars (tools/testenv/kafka/pom.xml) from Maven Central into the cache. */
export async function installKafka(): Promise<boolean> {
  const dir = cacheDirs.kafka();
  if (isComplete(dir)) return false;
  const step = `resolve kafka ${VERSIONS.kafka} from Maven Central`;
  checkCommand(step, 'java', ['-version'], 'need a Java 17+ runtime to run the broker');
  checkCommand(step, 'mvn', ['-v'], 'need Apache Maven 3.x to resolve the broker jars');
  await fillCacheEntry(dir, (tmp) =>
    run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(toolsDir(), 'kafka', 'pom.xml'),
        `-Dkafka.version=${VERSIONS.kafka}`,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${join(tmp, 'libs')}`,
      ],
      { step, logFile: join(cacheDirs.logs(), 'resolve-kafka.log') },
    ),
  );
  return true;
}
