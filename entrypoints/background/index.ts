// The background is a set of small managers, one browser concern each (Dark Reader style).
// Each imported module registers its own listeners when imported.
export default defineBackground({
  type: 'module',
  main() {},
});
