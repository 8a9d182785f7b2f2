/**
 * Reading chimney's own YAML files (the rule catalogue, trace manifests) without databind on the
 * common path. {@link dev.chimney.yaml.PlainYaml} reads values that are already of the type a field
 * wants with Jackson's streaming parser; anything databind would coerce, reject or explain sends the
 * reader back to databind, so that every file means and fails exactly as it did under databind alone.
 */
package dev.chimney.yaml;
