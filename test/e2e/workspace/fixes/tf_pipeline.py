"""A Keras image classifier fed by tf.data without prefetching, written for the end-to-end test that applies every fix."""
import tensorflow as tf

train = tf.keras.utils.image_dataset_from_directory("data/flowers/train", image_size=(224, 224), batch_size=None)
train = train.map(lambda x, y: (tf.image.random_flip_left_right(x), y)).shuffle(10_000).batch(64)

model = tf.keras.applications.ResNet50(weights=None, classes=5)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train, epochs=90)
