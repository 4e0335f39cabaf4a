// Stand-in for a dependency a Lambda bundle never calls (see infra/bundling/stubs.ts).
export default {};
