"""A plain PyTorch image-classification loop with several wasteful defaults, written for the end-to-end test that
applies every quick fix Green ML Review offers and checks that each one clears its finding."""
import torch
import torch.nn as nn
import torchvision
from torch.utils.data import DataLoader
from torchvision import transforms

torch.backends.cudnn.benchmark = False
torch.backends.cuda.matmul.allow_tf32 = False

device = torch.device("cuda")
train_set = torchvision.datasets.ImageFolder(
    "data/imagenet/train",
    transform=transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()]),
)
loader = DataLoader(train_set, batch_size=256, shuffle=True)

model = torchvision.models.resnet50()
model = nn.DataParallel(model).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
criterion = nn.CrossEntropyLoss()

for epoch in range(90):
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(device), labels.to(device)
        loss = criterion(model(images), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
