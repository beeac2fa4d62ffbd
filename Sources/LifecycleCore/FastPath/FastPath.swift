/// The fast paths, fenced here: each does what a plain, obviously correct path also does,
/// only faster, and a differential test keeps the two equal.
///
/// - `Assessment+CanonicalBytes`: writes the answers straight from the model instead of
///   through a `JSONValue` tree and `CanonicalJSONWriter`. Must stay byte-equal to
///   `CanonicalJSONWriter.bytes(assessment.jsonValue)` for every assessment: key order
///   (byte order), indentation, escapes, which empty fields are left out.
///   Checked by `LoaderFuzzTests` (every input that loads) and
///   `AssessmentFormatTests.testTheDirectWriterMatchesTheGenericOne`.
/// - `AnswerEncodingCache`: re-encodes only the answers that changed since the previous
///   save and reuses the rest of the previous output. Must give the same bytes as encoding
///   everything afresh after any edit (set, clear, add, remove, unknown fields).
///   Checked by `AssessmentFormatTests.testEncodingAfterEditsMatchesEncodingFromScratch`.
/// - `Assessment+StreamedAnswers`, `CatalogLoader+StreamedQuestions`: decode answers and
///   questions while the parser reaches them, with no tree and no dictionary per item.
///   Must accept, refuse and report exactly as decoding the whole tree does (the same
///   values, the same problems with the same JSON paths).
///   Checked by `LoaderFuzzTests` (streamed and tree decoding agree on every input).
///
/// Change a plain path and its fast path together; when in doubt, delete the fast one.
enum FastPath {}
