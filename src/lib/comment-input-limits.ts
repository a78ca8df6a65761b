// Longest accepted comment fields: the validation enforces them and the form's maxlength shows them.
export const NAME_MAX = 80
export const BODY_MAX = 5000
