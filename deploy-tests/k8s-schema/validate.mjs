#!/usr/bin/env node
// Validates Kubernetes manifests against the JSON schemas bundled in the npm packages
// kubernetes-models (the Kubernetes API, 1.34 or newer: it has resource.k8s.io/v1) and
// @kubernetes-models/strimzi-kafka-operator (Kafka, KafkaNodePool, KafkaTopic), without network
// access or a cluster.
//
//   node validate.mjs FILE...      validate every document of each YAML file
//   node validate.mjs -            read the YAML documents from standard input (kubectl kustomize output)
//
// Prints one line per invalid document or unknown kind and exits with 1 when there was any, 2 on
// a usage or read error, 0 when every document is valid. The schemas leave out
// additionalProperties, so a misspelt field name is not reported.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const STRIMZI_GROUPS = new Set(["kafka.strimzi.io", "core.strimzi.io"]);

function moduleFor(apiVersion) {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) {
    return `kubernetes-models/${apiVersion}`;
  }
  const group = apiVersion.slice(0, slash);
  if (STRIMZI_GROUPS.has(group)) {
    return `@kubernetes-models/strimzi-kafka-operator/${apiVersion}`;
  }
  return `kubernetes-models/${apiVersion}`;
}

async function modelClass(apiVersion, kind) {
  let models;
  try {
    models = await import(moduleFor(apiVersion));
  } catch (error) {
    return null;
  }
  return models[kind] ?? null;
}

function describeErrors(error) {
  if (Array.isArray(error?.details) && error.details.length > 0) {
    return error.details
      .map((detail) => `${detail.instancePath || "/"} ${detail.message}`)
      .join("; ");
  }
  return error?.message ?? String(error);
}

async function validateText(source, text) {
  const problems = [];
  const documents = parseAllDocuments(text);
  let index = 0;
  for (const document of documents) {
    index += 1;
    if (document.errors.length > 0) {
      problems.push(`${source}: document ${index}: invalid YAML: ${document.errors[0].message}`);
      continue;
    }
    const resource = document.toJS();
    if (resource === null || resource === undefined) {
      continue;
    }
    const label = `${source}: document ${index} (${resource.kind ?? "?"} ${resource.metadata?.name ?? "?"})`;
    if (typeof resource.apiVersion !== "string" || typeof resource.kind !== "string") {
      problems.push(`${label}: missing apiVersion or kind`);
      continue;
    }
    const Model = await modelClass(resource.apiVersion, resource.kind);
    if (Model === null) {
      problems.push(`${label}: no schema for ${resource.apiVersion} ${resource.kind}`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      problems.push(`${label}: ${describeErrors(error)}`);
    }
  }
  return { problems, count: index };
}

async function main(args) {
  if (args.length === 0) {
    console.error("usage: node validate.mjs FILE... | -");
    return 2;
  }
  let problems = [];
  let documents = 0;
  for (const arg of args) {
    let text;
    try {
      text = arg === "-" ? readFileSync(0, "utf8") : readFileSync(arg, "utf8");
    } catch (error) {
      console.error(`failed to read ${arg}: ${error.message}`);
      return 2;
    }
    const result = await validateText(arg === "-" ? "<stdin>" : arg, text);
    problems = problems.concat(result.problems);
    documents += result.count;
  }
  for (const problem of problems) {
    console.log(problem);
  }
  console.log(`${documents} documents checked, ${problems.length} invalid`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
