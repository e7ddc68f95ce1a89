/**
 * The bounds every command runs under, as values passed down to the work they bound: the time
 * limit ({@link org.gradaudit.bounds.Deadline}) and the memory budget
 * ({@link org.gradaudit.bounds.MemoryBudget}). Sizes and depths of formulas are bounded where the
 * formulas are built (the parser, function inlining, expansion); see the README's Safety section.
 */
package org.gradaudit.bounds;
