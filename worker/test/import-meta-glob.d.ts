// Vite's import.meta.glob, which the workers project's test files use to read fixture files (workerd
// has no file system). Declared here because vite/client's types do not fit the Workers tsconfig.
interface ImportMeta {
  glob<T = unknown>(
    pattern: string | string[],
    options: { query?: string; import?: string; eager: true },
  ): Record<string, T>;
}
