/**
 * Bump when parsing changes what it returns for the same content: it is part of
 * every cache key, so a new version invalidates cached results. A module of its
 * own, so that the cache and the checks name the version without loading the
 * parser (a build whose files are all cached never runs it).
 */
export const PARSER_VERSION = '1'
