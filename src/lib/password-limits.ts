// Password length bounds: the policy enforces them and the forms show them.

export const PASSWORD_MIN = 12
/** PBKDF2 pre-hashes long passwords, but there is no reason to accept megabytes. */
export const PASSWORD_MAX = 1024
