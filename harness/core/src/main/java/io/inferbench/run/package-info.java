/**
 * Running a scenario: preflight (resolve models, check inputs against them, before any work),
 * then each configuration in turn (load, prepare samples, drive load, summarise), writing the
 * result after every configuration so nothing finished is lost.
 */
package io.inferbench.run;
