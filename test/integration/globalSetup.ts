import { buildFunctions } from '../../scripts/build-functions'

// Integration tests call the bundled functions, the files that ship, so build them first.
export default async function globalSetup() {
  await buildFunctions()
}
