"""A Lightning script that validates every 10 batches and trains in fp16 on an A100, written for the end-to-end test
that applies every quick fix Green ML Review offers and checks that each one clears its finding."""
import lightning as L
from torch.utils.data import DataLoader

model = LitClassifier()
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, num_workers=8, pin_memory=True)
val_loader = DataLoader(val_set, batch_size=64, num_workers=8, pin_memory=True)
trainer = L.Trainer(accelerator="gpu", devices=1, max_steps=20000, precision="16-mixed", val_check_interval=10)
trainer.fit(model, train_loader, val_loader)
