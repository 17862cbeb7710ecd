// Stage files: the plain data between the stages of a run, written to and read from
// disk, so that a later version can run sign → bucket/verify → cluster → filter as
// separate processes on several machines (Slurm, Dask) and hand these files along.
//
//   sign.echoes    the DocumentTable: one entry per record (hash, date, sizes, id),
//                  rejections, and the sketches (signatures, band keys, samples)
//   edges.echoes   the verified edges between exact-group representatives
//
// Format: a 16-byte header ("ECHOES01", kind as 4 bytes, format version as u32), then
// little-endian arrays, each prefixed by its element count (u64); strings are a length
// (u64) and their bytes. The layout is the in-memory layout of the plain structs, so a
// file is only read by the same build of echoes on the same architecture; the version
// is bumped whenever a struct changes.

#ifndef ECHOES_PIPELINE_STAGE_FILES_H_
#define ECHOES_PIPELINE_STAGE_FILES_H_

#include <string>
#include <vector>

#include "echoes/status.h"
#include "match/edge.h"
#include "pipeline/document_table.h"

namespace echoes {

// Writes `table` to `path` atomically. Errors: kIoError.
Status WriteSignStage(const std::string& path, const DocumentTable& table);
// Reads a file written by WriteSignStage. Errors: kNotFound, kIoError, kCorruptInput
// (wrong kind or version, truncated, inconsistent sizes).
Result<DocumentTable> ReadSignStage(const std::string& path);

// The same for the verified edges.
Status WriteEdgesStage(const std::string& path, const std::vector<Edge>& edges);
Result<std::vector<Edge>> ReadEdgesStage(const std::string& path);

}  // namespace echoes

#endif  // ECHOES_PIPELINE_STAGE_FILES_H_
