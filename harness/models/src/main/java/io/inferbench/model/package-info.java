/**
 * Resolving model (and tokenizer) sources to local files: paths, and entries of Maven artifacts
 * from the local repository, fetched with Maven when absent and extracted once into the cache.
 */
package io.inferbench.model;
