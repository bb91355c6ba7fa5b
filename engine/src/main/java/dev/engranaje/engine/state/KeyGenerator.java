package dev.engranaje.engine.state;

/**
 * Issues 64-bit keys shaped like Zeebe's for partition 1 (partition id in the top bits), so keys
 * look the same to clients as a real cluster's.
 */
public final class KeyGenerator implements SnapshotPart<KeyGenerator.Image> {
  /** The last key issued. */
  public record Image(long last) {}

  private static final long PARTITION_BITS = 1L << 51;
  private long last = PARTITION_BITS;

  public long next() {
    return ++last;
  }

  @Override
  public String snapshotName() {
    return "keys";
  }

  @Override
  public Class<Image> imageType() {
    return Image.class;
  }

  @Override
  public Image capture(long finishedSince) {
    return new Image(last);
  }

  @Override
  public void restore(Image image, SnapshotContext context) {
    last = image.last();
  }

  void observe(long key) {
    if (key > last) {
      last = key;
    }
  }
}
