// Lets a plain `node --experimental-transform-types` child process run the TypeScript sources:
// they import each other with `.js` suffixes (NodeNext style), which exist only as `.ts` here.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      const relative =
        specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
      if (relative && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});
