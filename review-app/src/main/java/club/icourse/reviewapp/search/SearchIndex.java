package club.icourse.reviewapp.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This instance's Lucene index, in memory: it is rebuilt from the database at every
 * start, so there is nothing on disk to lose or to migrate. Writers replace whole
 * documents; readers see them after {@link #refresh()}.
 */
@Component
class SearchIndex implements DisposableBean {

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	SearchIndex() throws IOException {
		IndexWriterConfig config = new IndexWriterConfig(new TokenAnalyzer());
		config.setRAMBufferSizeMB(64);
		writer = new IndexWriter(directory, config);
		searchers = new SearcherManager(writer, null);
	}

	void put(SearchKind kind, long id, Document document) {
		try {
			writer.updateDocument(new Term(IndexFields.KEY, IndexFields.key(kind, id)), document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete(SearchKind kind, long id) {
		try {
			writer.deleteDocuments(new Term(IndexFields.KEY, IndexFields.key(kind, id)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	<T> T read(Function<IndexSearcher, T> reading) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return reading.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Memory the index takes (the directory's buffers and the writer's pending
	 * documents).
	 */
	long bytes() {
		try {
			long files = 0;
			for (String file : directory.listAll()) {
				files += directory.fileLength(file);
			}
			return files + writer.ramBytesUsed();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	int documents() {
		return read(searcher -> searcher.getIndexReader().numDocs());
	}

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
	}

}
