// Runs EPUBCheck on many files in one JVM: EPUBCheck's own command line takes one file per run.
// Usage: java -cp epubcheck.jar EpubCheckBatch.java FILE.epub... (writes FILE.epub.json each)
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (String path : args) {
            try {
                new EpubChecker().run(new String[] {path, "--json", path + ".json", "--quiet"});
            } catch (RuntimeException error) {
                // One file that crashes the checker must not hide the others' reports.
                System.err.println(path + ": " + error);
            }
        }
    }
}
