/** Set to true by scripts/build-cli.mjs; undefined when the CLI's modules run from source (tests, bench). */
declare const __WFM_BUILD__: boolean | undefined;
