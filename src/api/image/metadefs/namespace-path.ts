// Where a namespace's objects, properties and tags live (names are sent percent-encoded).
export function namespacePath(namespace: string): string {
  return `/v2/metadefs/namespaces/${encodeURIComponent(namespace)}`;
}

/** One member of a namespace collection: …/namespaces/NS/objects/NAME. */
export function memberPath(namespace: string, collection: 'objects' | 'properties' | 'tags', name: string): string {
  return `${namespacePath(namespace)}/${collection}/${encodeURIComponent(name)}`;
}

/** /v2/schemas/metadefs/{object,property,tag}: the JSON schema Glance checks bodies against. */
export function metadefSchemaPath(kind: 'object' | 'property' | 'tag'): string {
  return `/v2/schemas/metadefs/${kind}`;
}
