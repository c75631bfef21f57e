// Runs at `npm install`. npm itself runs on the machine's Node, which may be older than the
// Node 24 this project pins (the `node` devDependency): npm then checks every package's
// `engines` against the older one. Every npm script runs on the pinned Node 24, so that is
// expected; this says so in one line, and .npmrc keeps the warnings from drowning it.
const npmNode = /node\/v(\d+)\.\S*/.exec(process.env.npm_config_user_agent ?? "");
if (npmNode && Number(npmNode[1]) < 24) {
  console.log(
    `help-center: npm runs on this machine's Node ${npmNode[0].slice(5)}; the project brings Node 24 (package.json "node", .nvmrc) and runs every npm script on it. Engine warnings about the older Node are expected and not shown; errors are.`,
  );
}
