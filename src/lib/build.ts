import { parseBuildOptions } from "../config/build-options.ts";

/** This build's options, parsed once from the environment the build runs in. */
export const buildOptions = parseBuildOptions(process.env);
