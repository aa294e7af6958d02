/** Test fixtures of @isthmus/config-model: the walkthrough's scenario files and a few ready-made resources. */
export { scenarioFiles, readScenario, SCENARIO_DIR } from './testing/scenarios';
export { sampleResources, mixedResources } from './testing/samples';
