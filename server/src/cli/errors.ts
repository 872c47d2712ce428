/** What stops a command before it does anything, with a message that says what to change: exit code 2. */

/** The command line itself is wrong (an unknown option, a value of the wrong kind). */
export class UsageError extends Error {}

/** The run cannot start: a path that does not exist, a settings file that does not parse, a catalog that does not load. */
export class ConfigurationError extends Error {}
