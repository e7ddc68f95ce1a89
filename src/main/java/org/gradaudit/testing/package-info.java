/**
 * gradaudit's public Java API: {@link org.gradaudit.testing.GradientModel}, the interface a
 * user's own model implements so that {@code gradaudit check --model} can check its gradient.
 * Everything outside this package is internal and may change.
 */
package org.gradaudit.testing;
