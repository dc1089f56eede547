/**
 * Java App Engine's {@code datastore-indexes.xml} and {@code datastore-indexes-auto.xml}: {@link
 * dev.megalite.index.xml.IndexXml} reads and writes them, {@link
 * dev.megalite.index.xml.AutoIndexXml} keeps the generated one.
 *
 * <p>The only package that sees an XML parser, and only in {@code XmlIndexReader}. It uses the
 * JDK's StAX parser ({@code javax.xml.stream}) rather than Jackson's XML module: Jackson XML binds
 * documents to objects and loses where each attribute was, while StAX reports the position of
 * every start tag, from which the reader finds the line of the offending attribute even in a
 * start tag that spans lines. It also costs no dependency (Jackson XML would add Woodstox and
 * stax2), and the JDK parser is configured without DTD support, so no external entity is ever
 * resolved. Writing is plain text in App Engine's layout. Depends on {@code dev.megalite.index}
 * and {@code dev.megalite.api}.
 */
package dev.megalite.index.xml;
